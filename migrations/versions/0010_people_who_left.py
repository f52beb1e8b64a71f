"""People who left the organisation are kept for the records that name them

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('org_people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('org_people', schema=None) as batch_op:
        batch_op.drop_column('left_on')
