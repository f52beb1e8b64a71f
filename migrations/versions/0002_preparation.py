"""Preparation: questionnaire takes, answers, gate reviews, organisation, change log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 01:37:01.216806

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('awareness_activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('informal_meeting', 'training', 'visit', name='awarenesskind', native_enum=False, length=20), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('attendees', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_awareness_activities_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_awareness_activities'))
    )
    with op.batch_alter_table('awareness_activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_awareness_activities_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('org_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('department', sa.Enum('management', 'marketing', 'sales', 'logistics', 'finance', 'service', 'human_resources', 'it', 'production', 'other', name='department', native_enum=False, length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('is_sponsor', sa.Boolean(), nullable=False),
    sa.Column('is_project_manager', sa.Boolean(), nullable=False),
    sa.Column('is_consultant', sa.Boolean(), nullable=False),
    sa.Column('in_project_team', sa.Boolean(), nullable=False),
    sa.Column('in_working_group', sa.Boolean(), nullable=False),
    sa.Column('is_top_decision_maker', sa.Boolean(), nullable=False),
    sa.Column('is_front_line', sa.Boolean(), nullable=False),
    sa.Column('is_external', sa.Boolean(), nullable=False),
    sa.Column('crm_knowledge', sa.Boolean(), nullable=False),
    sa.Column('crm_project_experience', sa.Boolean(), nullable=False),
    sa.Column('trusted', sa.Boolean(), nullable=False),
    sa.Column('communicates_well', sa.Boolean(), nullable=False),
    sa.Column('knows_market', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_org_people_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_people'))
    )
    with op.batch_alter_table('org_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_people_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('questionnaire_takes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('questionnaire', sa.String(length=50), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('definition_version', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_questionnaire_takes_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_questionnaire_takes_started_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questionnaire_takes')),
    sa.UniqueConstraint('engagement_id', 'questionnaire', 'number', name=op.f('uq_questionnaire_takes_engagement_id'))
    )
    op.create_table('resistance_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('raised_by', sa.String(length=120), nullable=False),
    sa.Column('concern', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('open', 'in_progress', 'resolved', name='resistancestatus', native_enum=False, length=20), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_resistance_items_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resistance_items'))
    )
    with op.batch_alter_table('resistance_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resistance_items_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('take_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_answers_answered_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['take_id'], ['questionnaire_takes.id'], name=op.f('fk_answers_take_id_questionnaire_takes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers')),
    sa.UniqueConstraint('take_id', 'question_id', name=op.f('uq_answers_take_id'))
    )
    op.create_table('gate_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('take_id', sa.Integer(), nullable=False),
    sa.Column('gate', sa.Enum('need', 'backing', 'culture', name='gate', native_enum=False, length=20), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('overridden_by_id', sa.Integer(), nullable=True),
    sa.Column('overridden_at', sa.DateTime(), nullable=True),
    sa.Column('sponsor_decision', sa.Enum('approved', 'sent_back', name='sponsordecision', native_enum=False, length=20), nullable=True),
    sa.Column('sponsor_comment', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_gate_reviews_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_gate_reviews_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['overridden_by_id'], ['users.id'], name=op.f('fk_gate_reviews_overridden_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['take_id'], ['questionnaire_takes.id'], name=op.f('fk_gate_reviews_take_id_questionnaire_takes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gate_reviews')),
    sa.UniqueConstraint('take_id', 'gate', name=op.f('uq_gate_reviews_take_id'))
    )
    op.create_table('preparation_milestones',
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('team_announced_on', sa.Date(), nullable=True),
    sa.Column('announced_on', sa.Date(), nullable=True),
    sa.Column('announced_by_id', sa.Integer(), nullable=True),
    sa.Column('announcement_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['announced_by_id'], ['org_people.id'], name=op.f('fk_preparation_milestones_announced_by_id_org_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_preparation_milestones_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('engagement_id', name=op.f('pk_preparation_milestones'))
    )


def downgrade():
    op.drop_table('preparation_milestones')
    op.drop_table('gate_reviews')
    op.drop_table('answers')
    with op.batch_alter_table('resistance_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resistance_items_engagement_id'))

    op.drop_table('resistance_items')
    op.drop_table('questionnaire_takes')
    with op.batch_alter_table('org_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_people_engagement_id'))

    op.drop_table('org_people')
    with op.batch_alter_table('awareness_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_awareness_activities_engagement_id'))

    op.drop_table('awareness_activities')
