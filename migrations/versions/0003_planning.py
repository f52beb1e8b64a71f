"""Planning: workshop sessions, guide answers, strategies, vision, goals, measures

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 02:10:13.854676

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('business_strategies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('source_questions', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_business_strategies_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_strategies'))
    )
    with op.batch_alter_table('business_strategies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_business_strategies_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('guide_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=80), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('agreed', sa.Text(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_guide_answers_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_guide_answers_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_answers')),
    sa.UniqueConstraint('engagement_id', 'question_id', name=op.f('uq_guide_answers_engagement_id'))
    )
    op.create_table('planning_states',
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('vision', sa.Text(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_planning_states_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('engagement_id', name=op.f('pk_planning_states'))
    )
    op.create_table('strategy_priorities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('strategy', sa.Enum('prospecting', 'cross_selling', 'win_back', 'loyalty', name='crmstrategy', native_enum=False, length=20), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_strategy_priorities_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategy_priorities')),
    sa.UniqueConstraint('engagement_id', 'strategy', name=op.f('uq_strategy_priorities_engagement_id'))
    )
    op.create_table('workshop_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.String(length=50), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('facilitator', sa.String(length=120), nullable=False),
    sa.Column('held', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_workshop_sessions_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_sessions')),
    sa.UniqueConstraint('engagement_id', 'section_id', name=op.f('uq_workshop_sessions_engagement_id'))
    )
    op.create_table('goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('strategy_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('target', sa.String(length=300), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('department', sa.Enum('management', 'marketing', 'sales', 'logistics', 'finance', 'service', 'human_resources', 'it', 'production', 'other', name='department', native_enum=False, length=20), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_goals_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['strategy_id'], ['business_strategies.id'], name=op.f('fk_goals_strategy_id_business_strategies'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals'))
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goals_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('session_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['org_people.id'], name=op.f('fk_session_participants_person_id_org_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['workshop_sessions.id'], name=op.f('fk_session_participants_session_id_workshop_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_participants')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_session_participants_session_id'))
    )
    with op.batch_alter_table('session_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_participants_person_id'), ['person_id'], unique=False)

    op.create_table('measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('perspective', sa.Enum('financial', 'customer', 'internal', 'learning', name='perspective', native_enum=False, length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('direction', sa.Enum('higher', 'lower', name='direction', native_enum=False, length=20), nullable=False),
    sa.Column('baseline', sa.Double(), nullable=True),
    sa.Column('target', sa.Double(), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_measures_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_measures_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measures'))
    )
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measures_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measures_goal_id'), ['goal_id'], unique=False)



def downgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measures_goal_id'))
        batch_op.drop_index(batch_op.f('ix_measures_engagement_id'))

    op.drop_table('measures')
    with op.batch_alter_table('session_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_participants_person_id'))

    op.drop_table('session_participants')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goals_engagement_id'))

    op.drop_table('goals')
    op.drop_table('workshop_sessions')
    op.drop_table('strategy_priorities')
    op.drop_table('planning_states')
    op.drop_table('guide_answers')
    with op.batch_alter_table('business_strategies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_business_strategies_engagement_id'))

    op.drop_table('business_strategies')
