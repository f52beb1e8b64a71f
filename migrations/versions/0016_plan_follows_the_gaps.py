"""The plan follows the gaps and reviews re-check the factors: a work package
names the gaps it closes and may be the pilot; work packages and reviews are
owned by a person of the project organisation (a login's owner becomes the
person of the same e-mail, added to the organisation when missing); a review
links a re-check of the success factors, and its actions are rows with an
owner, a due date, a status and a work package or measure

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 16:30:00.000000

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_FLAGS = (
    'is_sponsor', 'is_project_manager', 'is_consultant', 'in_project_team',
    'in_working_group', 'is_top_decision_maker', 'is_front_line', 'is_external',
    'crm_knowledge', 'crm_project_experience', 'trusted', 'communicates_well',
    'knows_market',
)


def _person_of(connection, engagement_id, user_id):
    """The organisation's person with the login's e-mail, added when missing."""
    user = connection.execute(
        sa.text('SELECT name, email FROM users WHERE id = :id'), {'id': user_id}
    ).one_or_none()
    if user is None:
        return None
    found = connection.execute(
        sa.text(
            'SELECT id FROM org_people WHERE engagement_id = :e'
            ' AND lower(email) = lower(:email) ORDER BY id'
        ),
        {'e': engagement_id, 'email': user.email},
    ).first()
    if found:
        return found.id
    columns = ['engagement_id', 'name', 'title', 'department', 'email',
               'created_at', *_FLAGS]
    values = {
        'engagement_id': engagement_id, 'name': user.name[:120], 'title': '',
        'department': 'other', 'email': user.email,
        'created_at': datetime.now(timezone.utc).replace(tzinfo=None),
        **{flag: False for flag in _FLAGS},
    }
    connection.execute(
        sa.text(
            f"INSERT INTO org_people ({', '.join(columns)})"
            f" VALUES ({', '.join(':' + c for c in columns)})"
        ),
        values,
    )
    return connection.execute(
        sa.text(
            'SELECT max(id) AS id FROM org_people WHERE engagement_id = :e'
        ),
        {'e': engagement_id},
    ).one().id


def _owners_to_people(table):
    """Add ``person_id``, filled with the person of each row's login owner."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_id', sa.Integer(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            f'SELECT id, engagement_id, owner_id FROM {table}'
            ' WHERE owner_id IS NOT NULL'
        )
    ).all()
    for row in rows:
        connection.execute(
            sa.text(f'UPDATE {table} SET person_id = :p WHERE id = :id'),
            {'p': _person_of(connection, row.engagement_id, row.owner_id),
             'id': row.id},
        )
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f(f'fk_{table}_owner_id_users'), type_='foreignkey'
        )
        batch_op.drop_column('owner_id')
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column('person_id', new_column_name='owner_id')
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f(f'fk_{table}_owner_id_org_people'),
            'org_people', ['owner_id'], ['id'], ondelete='SET NULL',
        )


def upgrade():
    _owners_to_people('work_packages')
    _owners_to_people('reviews')
    with op.batch_alter_table('work_packages', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('closes', sa.JSON(), nullable=False, server_default='[]')
        )
        batch_op.add_column(
            sa.Column('is_pilot', sa.Boolean(), nullable=False,
                      server_default=sa.false())
        )
    op.create_table('review_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('engagement_id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', name='actionstatus', native_enum=False, length=20), nullable=False),
    sa.Column('work_package_id', sa.Integer(), nullable=True),
    sa.Column('measure_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['engagement_id'], ['engagements.id'], name=op.f('fk_review_actions_engagement_id_engagements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name=op.f('fk_review_actions_measure_id_measures'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['org_people.id'], name=op.f('fk_review_actions_owner_id_org_people'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_actions_review_id_reviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['work_package_id'], ['work_packages.id'], name=op.f('fk_review_actions_work_package_id_work_packages'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_actions'))
    )
    with op.batch_alter_table('review_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_actions_engagement_id'), ['engagement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_actions_review_id'), ['review_id'], unique=False)
    # each review's typed actions become its first action, owned by its owner
    op.get_bind().execute(
        sa.text(
            "INSERT INTO review_actions (engagement_id, review_id, text, owner_id,"
            " status) SELECT engagement_id, id, actions, owner_id, 'open'"
            " FROM reviews WHERE actions <> ''"
        )
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_column('actions')
        batch_op.add_column(sa.Column('factors_take_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_reviews_factors_take_id_questionnaire_takes'),
            'questionnaire_takes', ['factors_take_id'], ['id'], ondelete='SET NULL',
        )


def downgrade():
    # the owners stay people of the organisation: a login cannot be told
    # from a person, so the owners are cleared on the way down
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_reviews_factors_take_id_questionnaire_takes'),
            type_='foreignkey',
        )
        batch_op.drop_column('factors_take_id')
        batch_op.add_column(
            sa.Column('actions', sa.Text(), nullable=False, server_default='')
        )
    op.drop_table('review_actions')
    with op.batch_alter_table('work_packages', schema=None) as batch_op:
        batch_op.drop_column('is_pilot')
        batch_op.drop_column('closes')
    for table in ('reviews', 'work_packages'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f'fk_{table}_owner_id_org_people'), type_='foreignkey'
            )
            batch_op.drop_column('owner_id')
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f(f'fk_{table}_owner_id_users'),
                'users', ['owner_id'], ['id'], ondelete='SET NULL',
            )
