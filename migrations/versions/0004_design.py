"""Design: customers and their events, imports, snapshots, overrides, strategies

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 03:31:05.622505

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('account_number', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('sector', sa.String(length=120), nullable=False),
    sa.Column('strategic_potential', sa.SmallInteger(), nullable=True),
    sa.Column('lifecycle_stage', sa.Enum('selection', 'acquisition', 'retention', 'deepening', name='lifecyclestage', native_enum=False, length=20), nullable=True),
    sa.Column('last_verified_on', sa.Date(), nullable=True),
    sa.Column('wallet_share', sa.Double(), nullable=True),
    sa.Column('customisation_notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.String(length=1000), sa.Computed("name || ' ' || account_number || ' ' || city || ' ' || email", persisted=True), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_customers_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('engagement_id', 'account_number', name=op.f('uq_customers_engagement_id'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_search', ['engagement_id', 'name', 'account_number', 'search_text'], unique=False)

    op.create_table('import_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_import_runs_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_import_runs_imported_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_runs'))
    )
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_runs_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('parameters', sa.JSON(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('customer_count', sa.Integer(), nullable=False),
    sa.Column('transaction_count', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('taken_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_snapshots_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['taken_by_id'], ['users.id'], name=op.f('fk_snapshots_taken_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshots')),
    sa.UniqueConstraint('engagement_id', 'number', name=op.f('uq_snapshots_engagement_id'))
    )
    op.create_table('complaints',
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('product', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_complaints_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_complaints_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaints_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaints_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('is_decision_maker', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_contacts_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_customer_id'), ['customer_id'], unique=False)

    op.create_table('group_overrides',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('value_group', sa.Enum('mvc', 'mgc', 'bz', 'other', name='valuegroup', native_enum=False, length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('set_by_id', sa.Integer(), nullable=True),
    sa.Column('set_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_group_overrides_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_by_id'], ['users.id'], name=op.f('fk_group_overrides_set_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_group_overrides'))
    )
    op.create_table('group_strategies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('segment', sa.Enum('mvc', 'mgc', 'bz', 'other', 'a', 'b', 'c', name='segment', native_enum=False, length=20), nullable=False),
    sa.Column('crm_strategy', sa.Enum('prospecting', 'cross_selling', 'win_back', 'loyalty', name='crmstrategy', native_enum=False, length=20), nullable=False),
    sa.Column('actions', sa.Text(), nullable=False),
    sa.Column('channel', sa.Enum('phone', 'email', 'web', 'letter_fax', 'face_to_face', 'other', name='channel', native_enum=False, length=20), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_group_strategies_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['org_people.id'], name=op.f('fk_group_strategies_owner_id_org_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_strategies')),
    sa.UniqueConstraint('engagement_id', 'segment', name=op.f('uq_group_strategies_engagement_id'))
    )
    op.create_table('interactions',
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.Enum('phone', 'email', 'web', 'letter_fax', 'face_to_face', 'other', name='channel', native_enum=False, length=20), nullable=False),
    sa.Column('direction', sa.Enum('inbound', 'outbound', name='interactiondirection', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_interactions_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_interactions_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_interactions_recorded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interactions'))
    )
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interactions_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interactions_engagement_id'), ['engagement_id'], unique=False)

    op.create_table('snapshot_results',
    sa.Column('snapshot_id', sa.Integer(), nullable=False),
    sa.Column('account_number', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('recency', sa.Integer(), nullable=False),
    sa.Column('frequency', sa.Integer(), nullable=False),
    sa.Column('monetary', sa.Double(), nullable=False),
    sa.Column('r_score', sa.SmallInteger(), nullable=False),
    sa.Column('f_score', sa.SmallInteger(), nullable=False),
    sa.Column('m_score', sa.SmallInteger(), nullable=False),
    sa.Column('rf_cell', sa.String(length=3), nullable=False),
    sa.Column('mf_cell', sa.String(length=3), nullable=False),
    sa.Column('value_group', sa.String(length=5), nullable=False),
    sa.Column('abc', sa.String(length=1), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('overridden', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_snapshot_results_customer_id_customers'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['snapshot_id'], ['snapshots.id'], name=op.f('fk_snapshot_results_snapshot_id_snapshots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('snapshot_id', 'account_number', name=op.f('pk_snapshot_results'))
    )
    with op.batch_alter_table('snapshot_results', schema=None) as batch_op:
        batch_op.create_index('ix_snapshot_results_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_snapshot_results_group', ['snapshot_id', 'value_group'], unique=False)

    op.create_table('transactions',
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2, asdecimal=False), nullable=False),
    sa.Column('profit', sa.Numeric(precision=16, scale=2, asdecimal=False), nullable=True),
    sa.Column('product', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_transactions_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_transactions_engagement_id_engagements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transactions'))
    )
    with op.batch_alter_table('transactions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transactions_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transactions_engagement_id'), ['engagement_id'], unique=False)



def downgrade():
    with op.batch_alter_table('transactions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transactions_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_transactions_customer_id'))

    op.drop_table('transactions')
    with op.batch_alter_table('snapshot_results', schema=None) as batch_op:
        batch_op.drop_index('ix_snapshot_results_group')
        batch_op.drop_index('ix_snapshot_results_customer')

    op.drop_table('snapshot_results')
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interactions_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_interactions_customer_id'))

    op.drop_table('interactions')
    op.drop_table('group_strategies')
    op.drop_table('group_overrides')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_customer_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaints_engagement_id'))
        batch_op.drop_index(batch_op.f('ix_complaints_customer_id'))

    op.drop_table('complaints')
    op.drop_table('snapshots')
    with op.batch_alter_table('import_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_runs_engagement_id'))

    op.drop_table('import_runs')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_search')

    op.drop_table('customers')
