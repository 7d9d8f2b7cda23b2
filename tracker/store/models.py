"""The ledger's tables (SQLAlchemy 2 typed ORM). Changed only through Alembic migrations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Category(Base):
    __tablename__ = "categories"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Unit(Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(ForeignKey("categories.name", onupdate="CASCADE"))
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAlias.id"
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class UnitAlias(Base):
    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class Notice(Base):
    __tablename__ = "notices"
    # One 文号 per notice (notices without one are many): see migration 0004, which gives
    # PostgreSQL the same WHERE. It is not repeated here: naming a postgresql_* option makes
    # SQLAlchemy import its whole PostgreSQL dialect (0.05 s) on every start, SQLite or not,
    # and the schema comes from the migrations, never from these classes.
    __table_args__ = (
        Index(
            "uq_notices_doc_number",
            "doc_number",
            unique=True,
            sqlite_where=text("doc_number <> ''"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_number: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(500))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    theme: Mapped[str] = mapped_column(String(500), default="")
    body_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    contacts: Mapped[list[NoticeContact]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="NoticeContact.position"
    )
    requirements: Mapped[list[Requirement]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="Requirement.position"
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class NoticeContact(Base):
    __tablename__ = "notice_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    notice: Mapped[Notice] = relationship(back_populates="contacts")


class Requirement(Base):
    __tablename__ = "requirements"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    deadline: Mapped[date] = mapped_column(Date)
    forms: Mapped[int] = mapped_column(Integer)  # domain.forms.Form bits
    categories: Mapped[str] = mapped_column(Text, default="")  # "区局、标委会": who was asked
    note: Mapped[str] = mapped_column(Text, default="")

    notice: Mapped[Notice] = relationship(back_populates="requirements")
    obligations: Mapped[list[Obligation]] = relationship(
        back_populates="requirement", cascade="all, delete-orphan"
    )


class Obligation(Base):
    """One unit owing one requirement. Its status is derived, never stored."""

    __tablename__ = "obligations"
    __table_args__ = (UniqueConstraint("requirement_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    requirement_id: Mapped[int] = mapped_column(
        ForeignKey("requirements.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    exempt_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    extended_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The days the 免报 and the 延期 were granted: a past day is replayed without them.
    # NULL (decisions older than revision 0003 without an audit entry): in force throughout.
    exempt_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    extended_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    requirement: Mapped[Requirement] = relationship(back_populates="obligations")
    unit: Mapped[Unit] = relationship()
    submissions: Mapped[list[Submission]] = relationship(
        back_populates="obligation", cascade="all, delete-orphan", order_by="Submission.id"
    )
    reminders: Mapped[list[Reminder]] = relationship(
        back_populates="obligation", cascade="all, delete-orphan", order_by="Reminder.id"
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Submission(Base):
    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("obligations.id", ondelete="CASCADE"), index=True
    )
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))
    forms: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")

    obligation: Mapped[Obligation] = relationship(back_populates="submissions")
    files: Mapped[list[SubmissionFile]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="SubmissionFile.id"
    )


class SubmissionFile(Base):
    __tablename__ = "submission_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(500))
    size: Mapped[int] = mapped_column(Integer)

    submission: Mapped[Submission] = relationship(back_populates="files")


class Reminder(Base):
    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("obligations.id", ondelete="CASCADE"), index=True
    )
    reminded_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    letter_number: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    obligation: Mapped[Obligation] = relationship(back_populates="reminders")


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    after: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class CalendarDay(Base):
    """A day the clerk entered from the State Council's announcement."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(50), default="")


class LetterSequence(Base):
    """The last 催报函 number used for a prefix in a year; numbers are never reused."""

    __tablename__ = "letter_sequences"

    prefix: Mapped[str] = mapped_column(String(100), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class IssuedLetter(Base):
    """A 催报函 as issued: its number, whom it went to, and its PDF in the file archive."""

    __tablename__ = "letters"
    __table_args__ = (UniqueConstraint("prefix", "year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(150), unique=True)
    prefix: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    letter_date: Mapped[date] = mapped_column(Date)
    as_of: Mapped[date] = mapped_column(Date)
    new_deadline: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(20))  # "unit" or "category"
    addressee: Mapped[str] = mapped_column(String(300))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    category: Mapped[str] = mapped_column(String(50), default="")
    title: Mapped[str] = mapped_column(String(500))
    # The archived PDF the letter was printed in (its whole batch, or the letter alone before
    # revision 0006): the letter is its pages first_page .. first_page + pages - 1.
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    first_page: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")

    items: Mapped[list[IssuedLetterItem]] = relationship(
        back_populates="letter", cascade="all, delete-orphan", order_by="IssuedLetterItem.id"
    )


class IssuedLetterItem(Base):
    """One obligation a letter chased, and the 催报 reminder recorded for it."""

    __tablename__ = "letter_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("obligations.id", ondelete="CASCADE"), index=True
    )
    reminder_id: Mapped[int | None] = mapped_column(
        ForeignKey("reminders.id", ondelete="SET NULL"), nullable=True
    )

    letter: Mapped[IssuedLetter] = relationship(back_populates="items")


class Bulletin(Base):
    """A 上报情况通报 as issued: its number, the notice it reports on, its PDF and .docx in
    the file archive (a reprint is the very same document)."""

    __tablename__ = "bulletins"
    __table_args__ = (UniqueConstraint("prefix", "year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(150), unique=True)
    prefix: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    bulletin_date: Mapped[date] = mapped_column(Date)
    as_of: Mapped[date] = mapped_column(Date)
    notice_id: Mapped[int | None] = mapped_column(
        ForeignKey("notices.id", ondelete="SET NULL"), nullable=True
    )
    period_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(String(500))
    addressee: Mapped[str] = mapped_column(String(500))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    docx_sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")

    items: Mapped[list[BulletinItem]] = relationship(
        back_populates="bulletin", cascade="all, delete-orphan", order_by="BulletinItem.id"
    )


class BulletinItem(Base):
    """One obligation a 通报 counted, and how it stood then (praised, late or missing)."""

    __tablename__ = "bulletin_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    bulletin_id: Mapped[int] = mapped_column(
        ForeignKey("bulletins.id", ondelete="CASCADE"), index=True
    )
    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("obligations.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))  # domain.status.Status value

    bulletin: Mapped[Bulletin] = relationship(back_populates="items")


class BulletinQueueEntry(Base):
    """An obligation put on the list for the next 通报 (the escalation ladder's last step);
    taken off when a 通报 on its notice is issued."""

    __tablename__ = "bulletin_queue"

    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("obligations.id", ondelete="CASCADE"), primary_key=True
    )
    added_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class FigureCorrection(Base):
    """The clerk's value for one key figure of one obligation (the reader got it wrong)."""

    __tablename__ = "figure_corrections"
    __table_args__ = (UniqueConstraint("obligation_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("obligations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # domain.figures.KINDS
    value: Mapped[int] = mapped_column(Integer)
    approx: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    corrected_at: Mapped[datetime] = mapped_column(DateTime)
    corrected_by: Mapped[str] = mapped_column(String(100), default="")
