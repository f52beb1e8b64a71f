"""Revisions: guide answers, measure values and work packages are saved only
over the revision their form showed, as questionnaire answers already are

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 19:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

TABLES = ('guide_answers', 'measure_values', 'work_packages')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column('revision', sa.Integer(), server_default='1', nullable=False)
            )
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.alter_column('revision', existing_type=sa.Integer(), server_default='1')


def downgrade():
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.alter_column('revision', existing_type=sa.Integer(), server_default=None)
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('revision')
