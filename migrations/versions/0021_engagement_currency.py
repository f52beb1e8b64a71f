"""An engagement keeps its figures in a currency: amounts are shown in it;
existing engagements take their country's currency of today

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 13:30:00.000000

"""
from alembic import op
import sqlalchemy as sa
from babel.numbers import get_territory_currencies


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

#: for a country without a currency of its own (and so no row is left empty)
FALLBACK_CURRENCY = 'EUR'


def upgrade():
    with op.batch_alter_table('engagements', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'currency',
                sa.String(length=3),
                nullable=False,
                server_default=FALLBACK_CURRENCY,
            )
        )
    engagements = sa.table(
        'engagements', sa.column('country', sa.String), sa.column('currency', sa.String)
    )
    connection = op.get_bind()
    countries = connection.execute(sa.select(engagements.c.country).distinct())
    for (country,) in countries.all():
        currencies = get_territory_currencies(country) if country else []
        if currencies and currencies[0] != FALLBACK_CURRENCY:
            connection.execute(
                engagements.update()
                .where(engagements.c.country == country)
                .values(currency=currencies[0])
            )
    # New rows get their currency from the application, never a default.
    with op.batch_alter_table('engagements', schema=None) as batch_op:
        batch_op.alter_column('currency', server_default=None)


def downgrade():
    with op.batch_alter_table('engagements', schema=None) as batch_op:
        batch_op.drop_column('currency')
