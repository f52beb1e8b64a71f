"""A measure may count the customers worth at least a fixed amount: the
amount is kept with the measure

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 04:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('value_floor', sa.Double(), nullable=True))


def downgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_column('value_floor')
