"""The reasons the sync engine (core.offline.sync) keeps with a change: why it waits, stopped or was
sent as it was. They are stored in the outbox and the audit log, and given with each result.

They are stored as English text, the way the CLI, the audit log's CSV export and older versions of
the app read them: keeping each one's template and values as well would take a new column, a
schema migration an older version then refuses to open. The window shows them in the user's language
all the same: `recognised(text)` turns a stored reason back into the Sentence it was written from
when it is one of these templates filled in (a value inside, e.g. a server's reason, stays as stored).
"""

from __future__ import annotations

from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence, recognised_sentence

CHANGED_WHILE_SENDING = QT_TRANSLATE_NOOP(
    "CoreSentences", "Changed again while being sent; it goes with the next run."
)
CONFIRMED_AFTER_INTERRUPTION = QT_TRANSLATE_NOOP(
    "CoreSentences", "Confirmed on the server after an interruption; not sent again."
)
ALREADY_ON_THE_SERVER = QT_TRANSLATE_NOOP("CoreSentences", "Already on the server; not sent again.")
ONE_FIELD_CHANGED_IN_THE_CLOUD = QT_TRANSLATE_NOOP(
    "CoreSentences", "1 field was changed in the cloud as well: choose which value to keep."
)
FIELDS_CHANGED_IN_THE_CLOUD = QT_TRANSLATE_NOOP(
    "CoreSentences", "%1 fields were changed in the cloud as well: choose which value to keep."
)
CANNOT_BE_SENT = QT_TRANSLATE_NOOP(
    "CoreSentences", "This change cannot be sent: %1. Discard it and make it again."
)
UNUSABLE_CLOUD_VERSION = QT_TRANSLATE_NOOP(
    "CoreSentences",
    "The cloud's version of this object cannot be used: %1. "
    "Retry once it is corrected in the cloud, or discard the change.",
)
NESTED_TOO_DEEPLY = QT_TRANSLATE_NOOP(
    "CoreSentences", "This change is nested too deeply to be sent. Discard it and make it again."
)
UNEXPECTED_PROBLEM = QT_TRANSLATE_NOOP(
    "CoreSentences",
    "This change could not be sent because of an unexpected problem (details in the log file). "
    "Retry it, or discard it and make it again.",
)
#: (core.offline.sync writes this one with an f-string of the same words)
UNKNOWN_KIND = QT_TRANSLATE_NOOP("CoreSentences", "Changes of kind '%1' cannot be sent by this version.")
UNFIT = QT_TRANSLATE_NOOP("CoreSentences", "The change cannot be sent: %1: %2.")
SENT_UNCHECKED = QT_TRANSLATE_NOOP(
    "CoreSentences",
    "Sent without checking the cloud first: it does not let us read the current %1, "
    "so conflicts with changes made elsewhere cannot be detected.",
)
CREATED_UNCHECKED = QT_TRANSLATE_NOOP(
    "CoreSentences",
    "Created without checking the cloud first: it does not let us list the measuring objects, "
    "so a twin made elsewhere cannot be detected.",
)
MAY_EXIST_ALREADY = QT_TRANSLATE_NOOP(
    "CoreSentences",
    "An earlier attempt may have created this measuring object already, and the cloud does not let "
    "us list them to check: look in the testo cloud, then send it again or discard it.",
)

#: Every reason that is stored (see the module's docstring).
STORED = (
    CHANGED_WHILE_SENDING,
    CONFIRMED_AFTER_INTERRUPTION,
    ALREADY_ON_THE_SERVER,
    ONE_FIELD_CHANGED_IN_THE_CLOUD,
    FIELDS_CHANGED_IN_THE_CLOUD,
    CANNOT_BE_SENT,
    UNUSABLE_CLOUD_VERSION,
    NESTED_TOO_DEEPLY,
    UNEXPECTED_PROBLEM,
    UNKNOWN_KIND,
    UNFIT,
    SENT_UNCHECKED,
    CREATED_UNCHECKED,
    MAY_EXIST_ALREADY,
)


def fields_changed_in_the_cloud(count: int) -> Sentence:
    if count == 1:
        return Sentence(ONE_FIELD_CHANGED_IN_THE_CLOUD)
    return Sentence(FIELDS_CHANGED_IN_THE_CLOUD, str(count))


def recognised(text: str) -> str:
    """A reason read back from the outbox or the audit log as the Sentence it was written from;
    `text` itself when it is none of ours (e.g. the cloud's own words)."""
    return recognised_sentence(text, STORED)
