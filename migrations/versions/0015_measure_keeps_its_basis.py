"""A measure keeps its basis (turnover or profit): it reads only analyses
that value customers by it; every measure so far was read as turnover

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-03 17:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('basis', sa.Enum('turnover', 'profit', name='basis', native_enum=False, length=20), server_default='turnover', nullable=False))


def downgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_column('basis')
