"""How strongly each analysis's narrator takes sides (``sentiment.sides``), so the Compare page
can average it per outlet in SQL.

Existing analyses are back-filled from their stored payload (analyses made before the value
existed have none and stay NULL).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BATCH = 500

analyses = sa.table("analyses", sa.column("id", sa.Integer), sa.column("payload", JSON),
                    sa.column("sides", sa.Float))


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("sides", sa.Float, nullable=True))
    _backfill(op.get_bind())


def _backfill(conn) -> None:
    """Fill the new column from each stored payload, BATCH analyses per round trip."""
    from analysis.store import analysis_values
    set_sides = analyses.update().where(analyses.c.id == sa.bindparam("row_id")).values(
        sides=sa.bindparam("new_sides"))
    last = 0
    while True:
        rows = conn.execute(sa.select(analyses.c.id, analyses.c.payload)
                            .where(analyses.c.id > last).order_by(analyses.c.id)
                            .limit(BATCH)).all()
        if not rows:
            return
        updates = []
        for analysis_id, payload in rows:
            if isinstance(payload, str):
                payload = json.loads(payload)
            sides = analysis_values(payload)["sides"]
            if sides is not None:
                updates.append({"row_id": analysis_id, "new_sides": sides})
        if updates:
            conn.execute(set_sides, updates)
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("sides")
