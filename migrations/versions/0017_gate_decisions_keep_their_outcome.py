"""A gate decision keeps the outcome it was taken on

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('gate_reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gate_outcome', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('gate_reviews', schema=None) as batch_op:
        batch_op.drop_column('gate_outcome')
