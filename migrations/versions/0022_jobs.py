"""Jobs: long work runs in a worker and is recorded with who started it,
when it ran and how it ended

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 13:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'jobs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('engagement_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('analysis', name='jobkind', native_enum=False, length=20), nullable=False),
        sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', 'cancelled', name='jobstatus', native_enum=False, length=20), nullable=False),
        sa.Column('parameters', sa.JSON(), nullable=False),
        sa.Column('dedupe_key', sa.String(length=200), nullable=False),
        sa.Column('started_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=True),
        sa.Column('finished_at', sa.DateTime(), nullable=True),
        sa.Column('worker', sa.String(length=120), nullable=False),
        sa.Column('cancel_requested', sa.Boolean(), nullable=False),
        sa.Column('result_id', sa.Integer(), nullable=True),
        sa.Column('error_code', sa.String(length=60), nullable=False),
        sa.Column('error_details', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_jobs_engagement_id_engagements'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_jobs_started_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs')),
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index('ix_jobs_engagement_created', ['engagement_id', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_jobs_engagement_created')
    op.drop_table('jobs')
