"""The duplicate suggestions are found by a job and kept in the database, so
every server shows the same pairs and a change of the customers makes them
outdated everywhere

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-04 21:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'duplicate_pairs',
        sa.Column('job_id', sa.Integer(), nullable=False),
        sa.Column('first_id', sa.Integer(), nullable=False),
        sa.Column('second_id', sa.Integer(), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('reasons', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_duplicate_pairs_job_id_jobs'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['first_id'], ['customers.id'], name=op.f('fk_duplicate_pairs_first_id_customers'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['second_id'], ['customers.id'], name=op.f('fk_duplicate_pairs_second_id_customers'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('job_id', 'first_id', 'second_id', name=op.f('pk_duplicate_pairs')),
    )
    with op.batch_alter_table('duplicate_pairs', schema=None) as batch_op:
        batch_op.create_index('ix_duplicate_pairs_job_score', ['job_id', 'score'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_pairs_first_id'), ['first_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_pairs_second_id'), ['second_id'], unique=False)


def downgrade():
    with op.batch_alter_table('duplicate_pairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicate_pairs_second_id'))
        batch_op.drop_index(batch_op.f('ix_duplicate_pairs_first_id'))
        batch_op.drop_index('ix_duplicate_pairs_job_score')
    op.drop_table('duplicate_pairs')
