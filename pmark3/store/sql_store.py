"""The store port on SQLAlchemy: plant data, sessions and turns, requests, audit, feedback, outbox."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pmark3.errors import NotFound, SessionExpired, StoreError
from pmark3.models import Turn
from pmark3.plant import FunctionalLocation, PlantData, Procedure, WorkOrder
from pmark3.store import tables as t
from pmark3.store.engine import create_engine

_BATCH = 2000


_REQUEST_COLUMNS = tuple(c.name for c in t.requests.columns)
_REQUEST_UPDATES = frozenset({"runtime_status", "custom_status", "status", "result", "reason", "session_id"})


@dataclass
class PendingWrites:
    """A request's writes held back by ``SqlStore.hold_writes()``, as rows for ``apply_writes``.

    ``requests`` rows are whole (created and updated here, so one insert writes the final row);
    ``request_updates`` and ``session_updates`` are changes to rows that were already stored.
    """

    sessions: list[dict[str, Any]] = field(default_factory=list)
    session_updates: list[dict[str, Any]] = field(default_factory=list)
    requests: dict[str, dict[str, Any]] = field(default_factory=dict)
    request_updates: list[tuple[str, datetime, dict[str, Any]]] = field(default_factory=list)
    turns: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    outbox: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(
            (
                self.sessions,
                self.session_updates,
                self.requests,
                self.request_updates,
                self.turns,
                self.audit,
                self.outbox,
            )
        )


def as_utc(value: datetime) -> datetime:
    # SQLite drops tzinfo on the way back; every stored time is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class SqlStore:
    """One store for SQLite and Azure SQL; every method maps driver errors to StoreError."""

    def __init__(self, url_or_engine: str | sa.Engine) -> None:
        self.engine = create_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
        # The open transaction() (shared by every thread, one call at a time) and its audit rows.
        self._tx_lock = threading.RLock()
        self._tx_conn: sa.Connection | None = None
        self._tx_audit: list[dict[str, Any]] = []
        # hold_writes(): the request path's writes are kept here instead of written.
        self._held: PendingWrites | None = None

    def create_schema(self) -> None:
        """Bring the schema to the latest migration (Alembic), creating the database if needed."""
        from pmark3.store.migrate import upgrade

        upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the store's calls in one transaction, committed when the block ends.

        For bulk work (``pmark3 batch``): one commit for many requests instead of a dozen per
        request, and audit rows written together. While it is open every call on this store,
        from any thread, joins it (they take turns on its connection) and sees its writes; an
        exception rolls the whole block back. A nested block joins the outer one.
        """
        with self._tx_lock:
            if self._tx_conn is not None:
                joined = True
            else:
                joined = False
                try:
                    conn = self.engine.connect()
                    tx = conn.begin()
                except SQLAlchemyError as exc:
                    raise StoreError(f"database unavailable: {exc.__class__.__name__}") from exc
                self._tx_conn, self._tx_audit = conn, []
        if joined:
            yield
            return
        try:
            yield
            with self._tx_lock:
                self._flush_audit(conn)
                tx.commit()
        except SQLAlchemyError as exc:
            with self._tx_lock:
                tx.rollback()
            raise StoreError(f"database error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc
        except BaseException:
            with self._tx_lock:
                tx.rollback()
            raise
        finally:
            with self._tx_lock:
                self._tx_conn, self._tx_audit = None, []
                conn.close()

    def _flush_audit(self, conn: sa.Connection) -> None:
        rows, self._tx_audit = self._tx_audit, []
        if rows:
            conn.execute(t.audit.insert(), rows)

    def hold_writes(self) -> None:
        """From now on keep the request path's writes (requests, sessions, turns, audit, outbox)
        in memory instead of writing them; ``take_writes`` hands them over for ``apply_writes``.

        For ``pmark3 batch``'s worker processes: they answer requests and read the database
        (plant data, open notifications), and the one parent process writes what they did, so
        SQLite keeps one writer. Reads of held rows (``has_result``, ``session_history``) see them.
        Other writes (plant data, feedback) are not held.
        """
        self._held = PendingWrites()

    def take_writes(self) -> PendingWrites:
        held = self._held
        if held is None:
            raise RuntimeError("hold_writes() is not on")
        self._held = PendingWrites()
        return held

    def apply_writes(self, pending: Iterable[PendingWrites]) -> None:
        """Write what ``take_writes`` handed over, one statement per table, in one transaction
        (or in the open ``transaction()``)."""
        batch = list(pending)
        sessions = [row for p in batch for row in p.sessions]
        requests = [row for p in batch for row in p.requests.values()]
        turns = [row for p in batch for row in p.turns]
        outbox = [row for p in batch for row in p.outbox]
        audit = [row for p in batch for row in p.audit]
        with self._write() as conn:
            if sessions:
                conn.execute(t.sessions.insert(), sessions)
            for update in (u for p in batch for u in p.session_updates):
                conn.execute(
                    t.sessions.update()
                    .where(t.sessions.c.id == update["id"])
                    .values(last_seen_at=update["last_seen_at"])
                )
            if requests:
                conn.execute(t.requests.insert(), requests)
            for request_id, now, values in (u for p in batch for u in p.request_updates):
                self._update_request(conn, request_id, now, values)
            if turns:
                conn.execute(t.turns.insert(), turns)
            if outbox:
                conn.execute(t.outbox.insert(), outbox)
            if audit:
                if conn is self._tx_conn:
                    self._tx_audit.extend(audit)
                else:
                    conn.execute(t.audit.insert(), audit)

    # -- plant data ---------------------------------------------------------------------------

    def has_plant_data(self) -> bool:
        with self._read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(t.locations)).scalar_one() > 0

    def load_plant(self, plant: PlantData) -> None:
        """Replace the plant data with ``plant`` in one transaction."""
        with self._write() as conn:
            for table in (t.work_orders, t.procedures, t.locations):
                conn.execute(table.delete())
            self._insert_many(conn, t.locations, [loc.model_dump() for loc in plant.locations])
            self._insert_many(conn, t.procedures, [p.model_dump() for p in plant.procedures])
            self._insert_many(conn, t.work_orders, [w.model_dump(mode="python") for w in plant.work_orders])

    @staticmethod
    def _insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        for start in range(0, len(rows), _BATCH):
            conn.execute(table.insert(), rows[start : start + _BATCH])

    def upsert_work_order(self, wo: WorkOrder) -> None:
        row = wo.model_dump(mode="python")
        with self._write() as conn:
            conn.execute(t.work_orders.delete().where(t.work_orders.c.id == wo.id))
            conn.execute(t.work_orders.insert(), [row])

    def locations(self) -> list[FunctionalLocation]:
        with self._read() as conn:
            return [FunctionalLocation.model_validate(dict(r)) for r in conn.execute(sa.select(t.locations)).mappings()]

    def procedures(self) -> list[Procedure]:
        with self._read() as conn:
            return [Procedure.model_validate(dict(r)) for r in conn.execute(sa.select(t.procedures)).mappings()]

    def work_orders(self, where: Any = None, limit: int | None = None, newest_first: bool = False) -> list[WorkOrder]:
        query = sa.select(t.work_orders)
        if where is not None:
            query = query.where(where)
        if newest_first:
            query = query.order_by(t.work_orders.c.reported_at.desc(), t.work_orders.c.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return self._select_work_orders(query)

    def plant_data(self) -> PlantData:
        return PlantData(locations=self.locations(), work_orders=self.work_orders(), procedures=self.procedures())

    # -- HistorySource (recommendations' SQL fallback and id checks) ------------------------------

    def similar_work_orders(
        self,
        *,
        kks: str | None,
        equipment_class: str | None,
        failure_mode: str | None,
        system: str | None = None,
        limit: int = 20,
    ) -> list[WorkOrder]:
        """Closed work orders like this one, best first (the HistorySource tiers).

        Same FL and failure mode, then the same FL, then the same class and failure mode
        elsewhere (same system first); newest first inside a tier.
        """
        if kks is None and equipment_class is None:
            return []
        c = t.work_orders.c
        found: list[WorkOrder] = []
        if kks is not None:
            same_mode = sa.case((c.failure_mode == failure_mode, 0), else_=1) if failure_mode else sa.literal(0)
            query = (
                sa.select(t.work_orders)
                .where(c.status == "closed", c.kks == kks)
                .order_by(same_mode, c.reported_at.desc(), c.id)
                .limit(limit)
            )
            found += self._select_work_orders(query)
        if equipment_class is not None and len(found) < limit:
            conds = [c.status == "closed", c.equipment_class == equipment_class]
            if failure_mode:
                conds.append(c.failure_mode == failure_mode)
            if kks is not None:
                conds.append(c.kks != kks)
            same_system = sa.case((c.system == system, 0), else_=1) if system else sa.literal(0)
            query = (
                sa.select(t.work_orders)
                .where(*conds)
                .order_by(same_system, c.reported_at.desc(), c.id)
                .limit(limit - len(found))
            )
            found += self._select_work_orders(query)
        return found

    def _select_work_orders(self, query: Any) -> list[WorkOrder]:
        with self._read() as conn:
            return [WorkOrder.model_validate(dict(r)) for r in conn.execute(query).mappings()]

    def open_work_orders(self, *, kks: str, failure_mode: str | None, since: date) -> list[WorkOrder]:
        """Open work orders at ``kks`` (with ``failure_mode`` when given) reported since ``since``, newest first."""
        c = t.work_orders.c
        conds = [c.status == "open", c.kks == kks, c.reported_at >= since]
        if failure_mode:
            conds.append(c.failure_mode == failure_mode)
        query = sa.select(t.work_orders).where(*conds).order_by(c.reported_at.desc(), c.id.desc())
        return self._select_work_orders(query)

    def procedures_for(
        self, equipment_class: str, system: str | None = None, failure_mode: str | None = None
    ) -> list[Procedure]:
        """Procedures for the class that apply to the system and mode, most specific first."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(t.procedures).where(t.procedures.c.equipment_class == equipment_class)
            ).mappings()
            procs = [Procedure.model_validate(dict(r)) for r in rows]
        found = [
            p
            for p in procs
            if (system is None or not p.systems or system in p.systems)
            and (failure_mode is None or not p.failure_modes or failure_mode in p.failure_modes)
        ]

        def specificity(p: Procedure) -> int:
            return int(system is not None and system in p.systems) + int(
                failure_mode is not None and failure_mode in p.failure_modes
            )

        return sorted(found, key=lambda p: (-specificity(p), p.id))

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = set(ids)
        if not wanted:
            return set()
        query = sa.union_all(
            *(
                sa.select(col).where(col.in_(wanted))
                for col in (t.work_orders.c.id, t.procedures.c.id, t.locations.c.kks)
            )
        )
        with self._read() as conn:
            return set(conn.execute(query).scalars())

    # -- sessions and turns ---------------------------------------------------------------------

    def open_session(
        self, session_id: str | None, *, new_id: str, user: str | None, now: datetime, ttl: timedelta
    ) -> tuple[str, bool]:
        """Return ``(session_id, created)``: an existing live session, or a new one.

        An unknown or expired id is an error, not a silent new session: the user would lose
        the context they think they have.
        """
        held = self._held
        if held is not None:
            if session_id is None:
                held.sessions.append({"id": new_id, "user": user, "created_at": now, "last_seen_at": now})
                return new_id, True
            with self._read() as conn:
                row = conn.execute(sa.select(t.sessions).where(t.sessions.c.id == session_id)).mappings().first()
            self._check_session(session_id, row, now, ttl)
            held.session_updates.append({"id": session_id, "last_seen_at": now})
            return session_id, False
        with self._write() as conn:
            if session_id is None:
                conn.execute(
                    t.sessions.insert(), [{"id": new_id, "user": user, "created_at": now, "last_seen_at": now}]
                )
                return new_id, True
            row = conn.execute(sa.select(t.sessions).where(t.sessions.c.id == session_id)).mappings().first()
            self._check_session(session_id, row, now, ttl)
            conn.execute(t.sessions.update().where(t.sessions.c.id == session_id).values(last_seen_at=now))
            return session_id, False

    @staticmethod
    def _check_session(session_id: str, row: Any, now: datetime, ttl: timedelta) -> None:
        if row is None:
            raise SessionExpired(f"session {session_id!r} does not exist; omit session_id to start a new one")
        if now - as_utc(row["last_seen_at"]) > ttl:
            raise SessionExpired(f"session {session_id!r} has expired; omit session_id to start a new one")

    def add_turn(self, session_id: str, role: str, text: str, request_id: str | None, now: datetime) -> None:
        row = {"session_id": session_id, "role": role, "text": text, "request_id": request_id, "created_at": now}
        if self._held is not None:
            self._held.turns.append(row)
            return
        with self._write() as conn:
            conn.execute(t.turns.insert(), [row])

    def session_history(self, session_id: str, exclude_request: str | None = None) -> list[Turn]:
        query = sa.select(t.turns.c.role, t.turns.c.text).where(t.turns.c.session_id == session_id)
        if exclude_request is not None:
            query = query.where(sa.or_(t.turns.c.request_id.is_(None), t.turns.c.request_id != exclude_request))
        with self._read() as conn:
            rows = conn.execute(query.order_by(t.turns.c.id)).all()
        turns = [Turn(role=r.role, text=r.text) for r in rows]
        if self._held is not None:
            turns += [
                Turn(role=r["role"], text=r["text"])
                for r in self._held.turns
                if r["session_id"] == session_id and (exclude_request is None or r["request_id"] != exclude_request)
            ]
        return turns

    # -- requests -------------------------------------------------------------------------------

    def create_request(
        self,
        request_id: str,
        *,
        text: str,
        source: str,
        now: datetime,
        session_id: str | None = None,
        notification_id: str | None = None,
    ) -> bool:
        """Record a request once; returns False when it was already there (a redelivery)."""
        row = {
            "id": request_id,
            "session_id": session_id,
            "source": source,
            "notification_id": notification_id,
            "text": text,
            "runtime_status": "Pending",
            "created_at": now,
            "updated_at": now,
        }
        if self._held is not None:
            if request_id in self._held.requests:
                return False
            # Every column, so the held rows of many requests go in one executemany.
            self._held.requests[request_id] = {name: row.get(name) for name in _REQUEST_COLUMNS}
            return True
        try:
            with self._write() as conn:
                conn.execute(t.requests.insert(), [row])
        except StoreError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                return False
            raise
        return True

    def update_request(self, request_id: str, *, now: datetime, **values: Any) -> None:
        unknown = set(values) - _REQUEST_UPDATES
        if unknown:
            raise ValueError(f"unknown request columns: {sorted(unknown)}")
        held = self._held
        if held is not None:
            row = held.requests.get(request_id)
            if row is not None:
                row.update(values, updated_at=now)
            else:
                held.request_updates.append((request_id, now, values))
            return
        with self._write() as conn:
            self._update_request(conn, request_id, now, values)

    @staticmethod
    def _update_request(conn: sa.Connection, request_id: str, now: datetime, values: dict[str, Any]) -> None:
        done = conn.execute(t.requests.update().where(t.requests.c.id == request_id).values(updated_at=now, **values))
        if done.rowcount == 0:
            raise NotFound(f"request {request_id!r} not found")

    def get_request(self, request_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(sa.select(t.requests).where(t.requests.c.id == request_id)).mappings().first()
        if row is None:
            return None
        out = dict(row)
        out["created_at"] = as_utc(out["created_at"])
        out["updated_at"] = as_utc(out["updated_at"])
        return out

    def has_result(self, request_id: str) -> bool:
        """Whether the request's result is recorded (without reading it back)."""
        held = self._held.requests.get(request_id) if self._held is not None else None
        if held is not None:
            return held["result"] is not None
        query = sa.select(t.requests.c.id).where(t.requests.c.id == request_id, t.requests.c.result.is_not(None))
        with self._read() as conn:
            return conn.execute(query).first() is not None

    def session_requests(self, session_id: str) -> list[dict[str, Any]]:
        cols = [
            t.requests.c.id,
            t.requests.c.text,
            t.requests.c.runtime_status,
            t.requests.c.status,
            t.requests.c.created_at,
        ]
        with self._read() as conn:
            rows = conn.execute(
                sa.select(*cols).where(t.requests.c.session_id == session_id).order_by(t.requests.c.created_at)
            ).mappings()
            return [dict(r) for r in rows]

    # -- audit ----------------------------------------------------------------------------------

    def record_step(
        self, request_id: str, step: str, outcome: str, duration_ms: float, now: datetime, detail: str | None = None
    ) -> None:
        row = {
            "request_id": request_id,
            "step": step,
            "outcome": outcome,
            "duration_ms": duration_ms,
            "detail": detail,
            "at": now,
        }
        if self._held is not None:
            self._held.audit.append(row)
            return
        with self._tx_lock:
            if self._tx_conn is not None:
                self._tx_audit.append(row)  # one executemany when the transaction ends
                return
        with self._write() as conn:
            conn.execute(t.audit.insert(), [row])

    def audit_trail(self, request_id: str) -> list[dict[str, Any]]:
        with self._read() as conn:
            if conn is self._tx_conn:
                self._flush_audit(conn)
            rows = conn.execute(
                sa.select(t.audit).where(t.audit.c.request_id == request_id).order_by(t.audit.c.id)
            ).mappings()
            return [dict(r) for r in rows]

    # -- feedback -------------------------------------------------------------------------------

    def save_feedback(self, request_id: str, items: Sequence[dict[str, Any]], user: str | None, now: datetime) -> None:
        rows = [{**item, "request_id": request_id, "user": user, "at": now} for item in items]
        with self._write() as conn:
            conn.execute(t.feedback.insert(), rows)

    def feedback_for(self, request_id: str) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(
                sa.select(t.feedback).where(t.feedback.c.request_id == request_id).order_by(t.feedback.c.id)
            ).mappings()
            return [dict(r) for r in rows]

    def corrections(self) -> list[dict[str, Any]]:
        """Every correction a person made, oldest first: what the workflow learns aliases from."""
        return [{k: r[k] for k in ("field", "original", "corrected")} for r in self.corrections_after(0)]

    # -- outbox ---------------------------------------------------------------------------------

    def add_outbox(
        self, message_id: str, correlation_id: str | None, topic: str, body: dict[str, Any], now: datetime
    ) -> bool:
        """Queue a message once per id; False when it was already queued."""
        row = {
            "message_id": message_id,
            "correlation_id": correlation_id,
            "topic": topic,
            "body": body,
            "created_at": now,
        }
        if self._held is not None:
            if any(r["message_id"] == message_id for r in self._held.outbox):
                return False
            self._held.outbox.append(row)
            return True
        try:
            with self._write() as conn:
                conn.execute(t.outbox.insert(), [row])
        except StoreError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                return False
            raise
        return True

    def outbox_messages(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return [dict(r) for r in conn.execute(sa.select(t.outbox).order_by(t.outbox.c.id)).mappings()]

    # -- Function App (issue 5): appended ---------------------------------------------------------

    def corrections_after(self, after_id: int = 0) -> list[dict[str, Any]]:
        """Corrections with a feedback id above ``after_id``, oldest first, with their ``id``.

        A scaled-out worker keeps the highest id it has taught its normalizer and asks only for
        newer ones, so feedback given through any worker reaches every worker's next request.
        """
        c = t.feedback.c
        query = (
            sa.select(c.id, c.field, c.original, c.corrected)
            .where(c.id > after_id, c.accepted.is_(False), c.corrected.is_not(None), c.original.is_not(None))
            .order_by(c.id)
        )
        with self._read() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    # -- plumbing -------------------------------------------------------------------------------

    def _read(self) -> _Conn:
        return _Conn(self, write=False)

    def _write(self) -> _Conn:
        return _Conn(self, write=True)


class _Conn:
    """A connection scope that maps SQLAlchemy errors to StoreError at this boundary.

    While ``SqlStore.transaction()`` is open it lends that transaction's connection (holding
    the store's lock until the scope ends) and leaves the commit to it.
    """

    def __init__(self, store: SqlStore, write: bool) -> None:
        self._store = store
        self._write = write
        self._ctx: Any = None
        self._holds_lock = False

    def __enter__(self) -> sa.Connection:
        store = self._store
        if store._tx_conn is not None:
            store._tx_lock.acquire()
            if store._tx_conn is not None:
                self._holds_lock = True
                return store._tx_conn
            store._tx_lock.release()
        try:
            self._ctx = store.engine.begin() if self._write else store.engine.connect()
            return self._ctx.__enter__()
        except SQLAlchemyError as exc:
            raise StoreError(f"database unavailable: {exc.__class__.__name__}") from exc

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._holds_lock:
            self._store._tx_lock.release()
        else:
            try:
                self._ctx.__exit__(exc_type, exc, tb)
            except SQLAlchemyError as err:
                raise StoreError(f"database error: {err.__class__.__name__}") from err
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(f"database error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc


def utcnow() -> datetime:
    return datetime.now(UTC)
