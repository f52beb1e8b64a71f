"""An index on sales by engagement, customer and day (with the amount and
profit), so that an analysis sums them per customer and day from the index
alone, in order, without sorting

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04 21:10:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('transactions', schema=None) as batch_op:
        batch_op.create_index(
            'ix_transactions_figures',
            ['engagement_id', 'customer_id', 'occurred_on', 'amount', 'profit'],
            unique=False,
        )


def downgrade():
    with op.batch_alter_table('transactions', schema=None) as batch_op:
        batch_op.drop_index('ix_transactions_figures')
