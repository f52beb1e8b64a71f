"""Planning records what happened: a guide question says why nothing was
agreed on it

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic. Migration 0010 is another branch's;
# once both are merged, this one revises '0010'.
revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('guide_answers', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('nothing_agreed', sa.Text(), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('guide_answers', schema=None) as batch_op:
        batch_op.drop_column('nothing_agreed')
