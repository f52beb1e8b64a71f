"""A gate decision keeps the outcome it was taken on; a person of the project
organisation can be a member (the sponsor who signs in)

Revision ID: 0018
Revises: 0013
Create Date: 2026-12-03 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('gate_reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gate_outcome', sa.String(length=20), nullable=True))
    with op.batch_alter_table('org_people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_org_people_user_id_users'),
            'users',
            ['user_id'],
            ['id'],
            ondelete='SET NULL',
        )


def downgrade():
    with op.batch_alter_table('org_people', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_org_people_user_id_users'), type_='foreignkey'
        )
        batch_op.drop_column('user_id')
    with op.batch_alter_table('gate_reviews', schema=None) as batch_op:
        batch_op.drop_column('gate_outcome')
