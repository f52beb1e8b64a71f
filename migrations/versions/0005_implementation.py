"""Implementation: scorecard objectives, measure values, thresholds and KPIs, the transition plan, the review log

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 09:33:10.846699

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('actions', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_reviews_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_reviews_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('transition_settings',
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('shortest_months', sa.Integer(), nullable=False),
    sa.Column('longest_months', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_transition_settings_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('engagement_id', name=op.f('pk_transition_settings'))
    )
    op.create_table('work_packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'done', 'on_hold', name='workstatus', native_enum=False, length=20), nullable=False),
    sa.Column('is_milestone', sa.Boolean(), nullable=False),
    sa.Column('depends_on_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['depends_on_id'], ['work_packages.id'], name=op.f('fk_work_packages_depends_on_id_work_packages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_work_packages_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_work_packages_owner_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_packages'))
    )
    with op.batch_alter_table('work_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_packages_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('objectives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('perspective', sa.Enum('financial', 'customer', 'internal', 'learning', name='perspective', native_enum=False, length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('crm_strategy', sa.Enum('prospecting', 'cross_selling', 'win_back', 'loyalty', name='crmstrategy', native_enum=False, length=20), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_objectives_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_objectives_goal_id_goals'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objectives'))
    )
    with op.batch_alter_table('objectives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_objectives_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_objectives_goal_id'), ['goal_id'], unique=False)

    op.create_table('measure_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('value', sa.Double(), nullable=False),
    sa.Column('snapshot_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name=op.f('fk_measure_values_measure_id_measures'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_measure_values_recorded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['snapshot_id'], ['snapshots.id'], name=op.f('fk_measure_values_snapshot_id_snapshots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_values')),
    sa.UniqueConstraint('measure_id', 'period_start', name=op.f('uq_measure_values_measure_id'))
    )
    with op.batch_alter_table('measure_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_values_snapshot_id'), ['snapshot_id'], unique=False)

    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('green', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('amber', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('period', sa.Enum('monthly', 'quarterly', name='period', native_enum=False, length=20), server_default='quarterly', nullable=False))
        batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('objective_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('computed', sa.Enum('mvc_count', 'mvc_share', 'bz_share', 'lost_customers', 'retention_12m', 'average_frequency', 'average_value', 'revenue_12m', 'profit_12m', 'valuable_complaints', 'interactions_per_customer', 'decision_maker_coverage', 'data_completeness', name='computedmeasure', native_enum=False, length=40), nullable=True))
        batch_op.add_column(sa.Column('scope', sa.Enum('company', 'department', 'personal', name='measurescope', native_enum=False, length=20), server_default='company', nullable=False))
        batch_op.add_column(sa.Column('department', sa.Enum('management', 'marketing', 'sales', 'logistics', 'finance', 'service', 'human_resources', 'it', 'production', 'other', name='department', native_enum=False, length=20), nullable=True))
        batch_op.create_index(batch_op.f('ix_measures_objective_id'), ['objective_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_measures_objective_id_objectives'), 'objectives', ['objective_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_measures_owner_id_users'), 'users', ['owner_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_measures_owner_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_measures_objective_id_objectives'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_measures_objective_id'))
        batch_op.drop_column('department')
        batch_op.drop_column('scope')
        batch_op.drop_column('computed')
        batch_op.drop_column('objective_id')
        batch_op.drop_column('owner_id')
        batch_op.drop_column('period')
        batch_op.drop_column('amber')
        batch_op.drop_column('green')

    with op.batch_alter_table('measure_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_values_snapshot_id'))

    op.drop_table('measure_values')
    with op.batch_alter_table('objectives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_objectives_goal_id'))
        batch_op.drop_index(batch_op.f('ix_objectives_engagement_id'))

    op.drop_table('objectives')
    with op.batch_alter_table('work_packages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_packages_engagement_id'))

    op.drop_table('work_packages')
    op.drop_table('transition_settings')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_engagement_id'))

    op.drop_table('reviews')
