"""Oversight: the activity feed and the archive of issued reports

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:11:18.234080

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('answers_saved', 'take_completed', 'gate_overridden', 'gate_decided', 'customers_imported', 'analysis_taken', 'report_issued', name='activitykind', native_enum=False, length=30), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_activities_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_activities_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_engagement_time', ['engagement_id', 'occurred_at'], unique=False)

    op.create_table('issued_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('summary', 'executive', 'preparation', 'planning', 'design', 'implementation', 'scorecard', 'pack', name='reportkind', native_enum=False, length=20), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('checksum', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_issued_reports_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_issued_reports_issued_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_reports'))
    )
    with op.batch_alter_table('issued_reports', schema=None) as batch_op:
        batch_op.create_index('ix_issued_reports_engagement_time', ['engagement_id', 'issued_at'], unique=False)


def downgrade():
    with op.batch_alter_table('issued_reports', schema=None) as batch_op:
        batch_op.drop_index('ix_issued_reports_engagement_time')

    op.drop_table('issued_reports')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_engagement_time')

    op.drop_table('activities')
