"""Who raised a resistance item can be a person of the organisation (the typed
name stays for people outside it)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 15:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('resistance_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('raised_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_resistance_items_raised_by_id_org_people'),
            'org_people',
            ['raised_by_id'],
            ['id'],
            ondelete='SET NULL',
        )


def downgrade():
    with op.batch_alter_table('resistance_items', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_resistance_items_raised_by_id_org_people'),
            type_='foreignkey',
        )
        batch_op.drop_column('raised_by_id')
