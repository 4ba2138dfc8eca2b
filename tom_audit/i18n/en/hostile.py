"""English strings: arguments that cannot be a file name (tom_audit.cli.arg_text), and changes that would change nothing (logic.answers)."""

STRINGS: dict[str, str] = {
    "problem.path.unusable": "The file name{place} holds a NUL character or a lone UTF-16 surrogate and cannot exist in the file system.",
    "problem.path.unusable.hint": "Type the file name again (without invisible characters); set the terminal to UTF-8 (e.g. LANG=en_GB.UTF-8).",
    "answer.nothing_to_confirm": "{id} has no carried-over answer to confirm; the file is left as it is. Only answers that `tom-audit new --from` carried over from last year are to confirm.",
}
