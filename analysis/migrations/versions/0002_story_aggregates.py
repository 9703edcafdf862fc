"""Figures for comparing large stories in SQL: per-analysis words and tone, per-actor stance
weight and strongest evidence, and the quotes as rows (with a key for equal quotes).

Existing analyses are back-filled from their stored payload with the same functions the store
uses at save time (``analysis.store.analysis_values``/``actor_values``/``quote_values``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
BATCH = 500

analyses = sa.table("analyses", sa.column("id", sa.Integer), sa.column("payload", JSON),
                    sa.column("words", sa.Integer), sa.column("tone", sa.Float),
                    sa.column("subjectivity", sa.Float), sa.column("tone_weight", sa.Integer))
actors = sa.table("analysis_actors", sa.column("id", sa.Integer),
                  sa.column("analysis_id", sa.Integer), sa.column("name", sa.String),
                  sa.column("weight", sa.Integer), sa.column("evidence", sa.Text),
                  sa.column("evidence_strength", sa.Float))
quotes = sa.table("analysis_quotes", sa.column("analysis_id", sa.Integer),
                  sa.column("ordinal", sa.Integer), sa.column("speaker", sa.String),
                  sa.column("text", sa.Text), sa.column("words", sa.Integer),
                  sa.column("quote_key", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("words", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("tone", sa.Float, nullable=True))
        batch.add_column(sa.Column("subjectivity", sa.Float, nullable=True))
        batch.add_column(sa.Column("tone_weight", sa.Integer, nullable=False,
                                   server_default="0"))
    with op.batch_alter_table("analysis_actors") as batch:
        batch.add_column(sa.Column("weight", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("evidence", sa.Text, nullable=True))
        batch.add_column(sa.Column("evidence_strength", sa.Float, nullable=True))
    op.create_table(
        "analysis_quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("analysis_id", sa.Integer,
                  sa.ForeignKey("analyses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("speaker", sa.String(300), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("quote_key", sa.String(64), nullable=False),
    )
    op.create_index("ix_analysis_quotes_analysis_id", "analysis_quotes", ["analysis_id"])
    op.create_index("ix_analysis_quotes_quote_key", "analysis_quotes", ["quote_key"])
    _backfill(op.get_bind())


def _backfill(conn) -> None:
    """Fill the new columns and rows from each stored payload, BATCH analyses per round trip."""
    from analysis.store import actor_values, analysis_values, quote_values
    set_analysis = analyses.update().where(analyses.c.id == sa.bindparam("row_id")).values(
        words=sa.bindparam("words"), tone=sa.bindparam("tone"),
        subjectivity=sa.bindparam("subjectivity"), tone_weight=sa.bindparam("tone_weight"))
    set_actor = actors.update().where(actors.c.id == sa.bindparam("row_id")).values(
        weight=sa.bindparam("weight"), evidence=sa.bindparam("evidence"),
        evidence_strength=sa.bindparam("evidence_strength"))
    last = 0
    while True:
        rows = conn.execute(sa.select(analyses.c.id, analyses.c.payload)
                            .where(analyses.c.id > last).order_by(analyses.c.id)
                            .limit(BATCH)).all()
        if not rows:
            return
        actor_ids: dict[int, list[int]] = {}
        for analysis_id, row_id in conn.execute(
                sa.select(actors.c.analysis_id, actors.c.id)
                .where(actors.c.analysis_id.between(rows[0][0], rows[-1][0]))
                .order_by(actors.c.analysis_id, actors.c.id)):
            actor_ids.setdefault(analysis_id, []).append(row_id)
        figures, actor_updates, new_quotes = [], [], []
        for analysis_id, payload in rows:
            if isinstance(payload, str):
                payload = json.loads(payload)
            figures.append(dict(analysis_values(payload), row_id=analysis_id))
            # the actor rows were written in payload order by the same filter: pair them up
            for row_id, values in zip(actor_ids.get(analysis_id, ()), actor_values(payload)):
                actor_updates.append({"row_id": row_id, "weight": values["weight"],
                                      "evidence": values["evidence"],
                                      "evidence_strength": values["evidence_strength"]})
            new_quotes += [dict(v, analysis_id=analysis_id) for v in quote_values(payload)]
        conn.execute(set_analysis, figures)
        if actor_updates:
            conn.execute(set_actor, actor_updates)
        if new_quotes:
            conn.execute(quotes.insert(), new_quotes)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table("analysis_quotes")
    with op.batch_alter_table("analysis_actors") as batch:
        batch.drop_column("evidence_strength")
        batch.drop_column("evidence")
        batch.drop_column("weight")
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("tone_weight")
        batch.drop_column("subjectivity")
        batch.drop_column("tone")
        batch.drop_column("words")
