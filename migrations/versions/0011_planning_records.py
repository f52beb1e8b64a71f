"""Planning records what happened: a guide question says why nothing was
agreed on it, and a session's facilitator is one of the organisation's people

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic. Migration 0010 is another branch's;
# once both are merged, this one revises '0010'.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('guide_answers', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('nothing_agreed', sa.Text(), server_default='', nullable=False)
        )
    with op.batch_alter_table('workshop_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('facilitator_id', sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_workshop_sessions_facilitator_id'),
            ['facilitator_id'],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_workshop_sessions_facilitator_id_org_people'),
            'org_people',
            ['facilitator_id'],
            ['id'],
            ondelete='SET NULL',
        )
    # A facilitator typed as text becomes the person of that name, where the
    # engagement has exactly one; any other keeps its text, still shown.
    op.execute(
        """
        UPDATE workshop_sessions SET facilitator_id = (
            SELECT CASE WHEN COUNT(*) = 1 THEN MIN(p.id) END FROM org_people p
            WHERE p.engagement_id = workshop_sessions.engagement_id
              AND p.name = workshop_sessions.facilitator
        )
        WHERE facilitator <> ''
        """
    )


def downgrade():
    with op.batch_alter_table('workshop_sessions', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_workshop_sessions_facilitator_id_org_people'),
            type_='foreignkey',
        )
        batch_op.drop_index(batch_op.f('ix_workshop_sessions_facilitator_id'))
        batch_op.drop_column('facilitator_id')
    with op.batch_alter_table('guide_answers', schema=None) as batch_op:
        batch_op.drop_column('nothing_agreed')
