"""Withdrawn analyses and the engagement's time zone: a mistaken analysis is
kept, marked withdrawn with a reason, and left out of the scorecard,
comparisons and reports; "today" for an engagement's records is where it works

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('engagements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), nullable=True))
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('withdrawal_reason', sa.Text(), nullable=False, server_default='')
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_snapshots_withdrawn_by_id_users'),
            'users',
            ['withdrawn_by_id'],
            ['id'],
            ondelete='SET NULL',
        )


def downgrade():
    with op.batch_alter_table('snapshots', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_snapshots_withdrawn_by_id_users'), type_='foreignkey'
        )
        batch_op.drop_column('withdrawal_reason')
        batch_op.drop_column('withdrawn_by_id')
        batch_op.drop_column('withdrawn_at')
    with op.batch_alter_table('engagements', schema=None) as batch_op:
        batch_op.drop_column('time_zone')
