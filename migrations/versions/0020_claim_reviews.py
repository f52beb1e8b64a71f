"""An answer the customer data contradicts may be kept with a reason, and
when the data came to contradict it (or stopped) is kept

Revision ID: 0020
Revises: 0018
Create Date: 2026-12-04 04:35:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'claim_reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('take_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=80), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('figure_value', sa.Double(), nullable=True),
        sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
        sa.Column('reviewed_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_claim_reviews_reviewed_by_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['take_id'], ['questionnaire_takes.id'], name=op.f('fk_claim_reviews_take_id_questionnaire_takes'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_reviews')),
        sa.UniqueConstraint('take_id', 'question_id', name=op.f('uq_claim_reviews_take_id')),
    )
    with op.batch_alter_table('claim_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_reviews_take_id'), ['take_id'], unique=False)
    op.create_table(
        'claim_flags',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('take_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.String(length=80), nullable=False),
        sa.Column('raised_at', sa.DateTime(), nullable=False),
        sa.Column('cleared_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['take_id'], ['questionnaire_takes.id'], name=op.f('fk_claim_flags_take_id_questionnaire_takes'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_flags')),
        sa.UniqueConstraint('take_id', 'question_id', name=op.f('uq_claim_flags_take_id')),
    )
    with op.batch_alter_table('claim_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_flags_take_id'), ['take_id'], unique=False)


def downgrade():
    with op.batch_alter_table('claim_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_flags_take_id'))
    op.drop_table('claim_flags')
    with op.batch_alter_table('claim_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_reviews_take_id'))
    op.drop_table('claim_reviews')
