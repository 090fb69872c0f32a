"""The command line's frame: argv normalised, help in the reader's language, usage errors in one line.

``ThiduaGroup.main`` is where every run starts (``thidua …`` and ``CliRunner().invoke(app, …)``):

* the language comes from ``--lang`` anywhere in argv, else ``$THIDUA_LANG``/``$LANG``, decided
  before any help or message is shown; ``--lang`` is taken out of argv, so it may stand before or
  after the command (``--data`` is an option of the app and of each command, so it may too);
* old format names stay accepted (``--format table`` is ``--format text``);
* help (``-h``/``--help``) is written by ``render_help`` from the catalogue (``messages_cli``):
  plain aligned text, the metavars say what to write (``FILE``, ``N``, ``text|json``), never
  ``<bool>``;
* a usage error is one line on stderr, ``thidua: … (see thidua rank -h)``, exit 2.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup


def _click_module() -> Any:
    """The click that typer runs on: its vendored copy (typer ≥ 0.2x), else the click package it
    depends on (older typer; the lowest-versions run). Never ``import click`` directly: a locked
    install of a newer typer has no click."""
    try:
        return importlib.import_module("typer._click")
    except ImportError:
        return importlib.import_module("click")


_click: Any = _click_module()


class _NeverRaised(Exception):
    pass


# click < 8.2 prints the help of a group called without a command itself; newer raises this
_NO_ARGS_IS_HELP: Any = getattr(_click.exceptions, "NoArgsIsHelpError", _NeverRaised)


# Old names of formats, still accepted, shown nowhere.
FORMAT_ALIASES = {"table": "text"}
FORMAT_OPTIONS = ("--format", "-f")


class LanguageError(Exception):
    """``--lang`` names no language thidua speaks."""

    def __init__(self, value: str | None) -> None:
        super().__init__(value)
        self.value = value  # None: --lang without a value


def take_language(args: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` / ``--lang=X`` taken out of ``args`` (the last one wins; nothing after ``--``)."""
    from thidua.output.i18n import LANGUAGES

    lang: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--lang":
            if i + 1 == len(args):
                raise LanguageError(None)
            lang, i = args[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            lang, i = arg.split("=", 1)[1], i + 1
            continue
        rest.append(arg)
        i += 1
    if lang is not None and lang not in LANGUAGES:
        raise LanguageError(lang)
    return lang, rest


def old_format_names(args: list[str]) -> list[str]:
    """``--format table`` (and ``-f table``, ``--format=table``) as ``--format text``."""
    out = list(args)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        if arg in FORMAT_OPTIONS and i + 1 < len(out) and out[i + 1] in FORMAT_ALIASES:
            out[i + 1] = FORMAT_ALIASES[out[i + 1]]
        elif arg.startswith("--format=") and arg.split("=", 1)[1] in FORMAT_ALIASES:
            out[i] = "--format=" + FORMAT_ALIASES[arg.split("=", 1)[1]]
    return out


# --------------------------------------------------------------------------------------- help


def command_path(ctx: Any) -> str:
    """``rank``, ``sheet.export``, or ``thidua`` for the app itself: the catalogue key's middle."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return ".".join(reversed(names)) or "thidua"


def help_text(path: str, param: str | None = None, fallback: str | None = None, lang: str | None = None) -> str:
    """The help of a command (``param`` None) or of one of its parameters, in ``lang`` (default: the current language)."""
    from thidua.output.i18n import catalogue, t

    keys = [f"cli.help.{path}.{param}", f"cli.help.{param}"] if param else [f"cli.help.{path}"]
    for key in keys:
        if key in catalogue():
            return t(key, lang=lang)
    return fallback or ""


def _help_key(param: Any) -> str | None:
    """A parameter's name for its help key; click 8.5 names the help option ``_click_default_help``."""
    return "help" if "--help" in getattr(param, "opts", ()) else param.name


def localize(command: Any, lang: str, path: str = "thidua") -> Any:
    """``command`` and everything under it with its help set in ``lang`` (for the generated reference)."""
    command.help = help_text(path, fallback=command.help, lang=lang)
    for param in command.params:
        param.help = help_text(path, _help_key(param), getattr(param, "help", None), lang=lang)
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, lang, name if path == "thidua" else f"{path}.{name}")
    return command


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if getattr(descriptor, "is_choice", False) else None
    if choices is None:
        choices = getattr(getattr(param, "type", None), "choices", None)
    if not choices:
        return []
    return [str(getattr(c, "value", c)) for c in choices]


def metavar(param: Any) -> str:
    """What to write after an option or for an argument: ``FILE``, ``N``, ``text|json``, ``YEAR``."""
    if param.metavar:
        return str(param.metavar)
    choices = _choices(param)
    if choices:
        return "|".join(choices)
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.name).upper()
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    name = getattr(annotation, "__name__", str(annotation))
    args = getattr(annotation, "__args__", ())
    if args:
        name = " ".join(getattr(a, "__name__", str(a)) for a in args)
    if "Path" in name:
        return "PATH"
    if "int" in name:
        return "N"
    if "float" in name:
        return "X"
    return "TEXT"


def _span(param: Any) -> str:
    from thidua.output.i18n import t

    low, high = getattr(param, "min", None), getattr(param, "max", None)
    kind = getattr(param, "type", None)
    if low is None and high is None and kind is not None:
        low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if low is None and high is None:
        return ""
    if low is None:
        return t("cli.at_most", high=high)
    if high is None:
        return t("cli.at_least", low=low)
    return t("cli.range", low=low, high=high)


def _is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False))


def _default(param: Any) -> str:
    if _is_flag(param) or param.required or not getattr(param, "show_default", True):
        return ""
    value = getattr(param.default, "value", param.default)
    if value is None or callable(value) or value in ((), []) or isinstance(value, bool):
        return ""
    return str(value)


def _notes(param: Any) -> str:
    from thidua.output.i18n import t

    notes = []
    if param.required and getattr(param, "param_type_name", "") == "option":
        notes.append(t("cli.required"))
    if getattr(param, "multiple", False):
        notes.append(t("cli.repeatable"))
    span = _span(param)
    if span:
        notes.append(span)
    default = _default(param)
    if default:
        notes.append(t("cli.default", value=default))
    return f" [{'; '.join(notes)}]" if notes else ""


def _wrap(text: str, width: int, indent: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=max(width - indent, 30), break_long_words=False, break_on_hyphens=False) or [""]


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Two columns: the names, then the help wrapped at word boundaries beside them."""
    left = min(max((len(name) for name, _ in rows), default=0), 30)
    out = []
    for name, text in rows:
        lines = _wrap(text, width, left + 4)
        if len(name) > left:
            out.append(f"  {name}")
            out += [" " * (left + 4) + line for line in lines]
        else:
            out.append(f"  {name.ljust(left)}  {lines[0]}".rstrip())
            out += [" " * (left + 4) + line for line in lines[1:]]
    return out


def help_width() -> int:
    import shutil

    return max(40, min(shutil.get_terminal_size((80, 24)).columns, 100))


def render_help(command: Any, ctx: Any) -> str:
    """The help of ``command`` (the app, a group or a command) as plain text, in the current language."""
    from thidua.output.i18n import t

    width = help_width()
    path = command_path(ctx)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if getattr(p, "param_type_name", "") == "argument"]
    options = [p for p in params if getattr(p, "param_type_name", "") == "option"]
    is_group = hasattr(command, "commands")
    usage = [ctx.command_path]
    if options:
        usage.append(f"[{t('cli.OPTIONS')}]")
    for param in arguments:
        word = metavar(param) + ("..." if param.nargs == -1 else "")
        usage.append(word if param.required else f"[{word}]")
    if is_group:
        usage.append(t("cli.COMMAND"))
    lines = [f"{t('cli.usage')}: {' '.join(usage)}", ""]
    lines += _wrap(help_text(path, fallback=command.help), width, 0)
    if arguments:
        lines += ["", f"{t('cli.arguments')}:"]
        lines += _rows([(metavar(p), help_text(path, p.name, p.help) + _notes(p)) for p in arguments], width)
    if options:
        rows = []
        for p in options:
            names = ", ".join(sorted([*p.opts, *p.secondary_opts], key=len))
            if not _is_flag(p):
                names += f" {metavar(p)}"
            rows.append((names, help_text(path, _help_key(p), p.help) + _notes(p)))
        lines += ["", f"{t('cli.options')}:", *_rows(rows, width)]
    if is_group:
        listed = [(name, help_text(f"{path}.{name}".removeprefix("thidua."), fallback=sub.help).split(". ")[0].rstrip("."))
                  for name, sub in command.commands.items() if not sub.hidden]
        lines += ["", f"{t('cli.commands')}:", *_rows(listed, width)]
    lines += ["", *_wrap(t("cli.global"), width, 0)]
    if is_group:
        lines += _wrap(t("cli.more"), width, 0)
    return "\n".join(lines) + "\n"


def _styled(text: str) -> str:
    """The help coloured on a terminal (headings bold, option names cyan), plain otherwise."""
    if not (sys.stdout.isatty() or os.environ.get("FORCE_COLOR")) or os.environ.get("TERM") == "dumb":
        return text
    import io
    import re

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, highlight=False, width=10_000, soft_wrap=True)
    for line in text.splitlines():
        styled = Text(line)
        if line and not line.startswith(" "):
            styled.stylize("bold", 0, line.find(":") + 1 if line.endswith(":") or ": " in line[:20] else 0)
        for found in re.finditer(r"(?<![\w-])(-{1,2}[a-z][\w-]*)", line):
            styled.stylize("cyan", found.start(1), found.end(1))
        console.print(styled)
    return buffer.getvalue()


class _AbsentFirst:
    """A parameter's coercion that needs no pydantic for an absent value.

    typer ≥ 0.2x coerces every parameter of the command that runs through a pydantic
    ``TypeAdapter`` built on the spot (~3–8 ms each, and the import of pydantic through
    ``typer._adapters``), given or not: ``thidua validate DIR`` built eleven. typer's coercion of
    ``None`` (an option not given, its default None) is ``None``, or ``()`` for a repeatable one,
    without looking at the type; so here an absent value is answered the same way, and typer's
    own runtime parameter is built only for a value that was given.
    """

    __slots__ = ("_param", "_real")

    def __init__(self, param: Any) -> None:
        self._param = param
        self._real: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if self._real is None:
            from typer._coercion import build_runtime_param

            self._real = build_runtime_param(self._param.type_descriptor)
        return self._real.coerce(value, param=param, ctx=ctx)


def absent_first(params: list[Any]) -> None:
    """Install ``_AbsentFirst`` on the parameters of a typer that builds adapters lazily (else nothing).

    Version-proof by construction: a typer without ``_runtime_param`` (older ones coerce through
    click's types) is left as it is."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = _AbsentFirst(param)


class ThiduaCommand(TyperCommand):
    """A command whose help is ``render_help``'s."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        absent_first(self.get_params(ctx))  # with the help and completion options typer adds later
        return super().parse_args(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(_styled(render_help(self, ctx)))

    def get_usage(self, ctx: Any) -> str:
        return render_help(self, ctx).splitlines()[0]


class ThiduaGroup(TyperGroup):
    """A group (the app, ``sheet``) with ``render_help``'s help and one-line usage errors."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        absent_first(self.get_params(ctx))  # with the help and completion options typer adds later
        return super().parse_args(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(_styled(render_help(self, ctx)))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from thidua.domain.suggest import closest

            raise NoSuchCommand(name, closest(name, [n for n, c in self.commands.items() if not c.hidden]), ctx)
        return super().resolve_command(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        from thidua.output.i18n import default_language, set_language

        argv = list(sys.argv[1:] if args is None else args)
        try:
            lang, argv = take_language(argv)
        except LanguageError as exc:
            set_language(default_language())
            from thidua.output.i18n import t

            fail(t("cli.bad_lang", value=exc.value) if exc.value is not None else t("cli.needs_value", name="--lang"))
        set_language(lang or default_language())
        argv = old_format_names(argv)
        if not argv and self.no_args_is_help:
            argv = ["--help"]
        if os.environ.get("FORCE_COLOR") and not os.environ.get("NO_COLOR"):
            extra.setdefault("color", True)  # keep the help's colour when forced (click strips it when piped)
        try:
            code = super().main(argv, prog_name or "thidua", complete_var, False, windows_expand_args, **extra)
        except _NO_ARGS_IS_HELP as exc:  # `thidua sheet`: which sub-command?
            print(exc.ctx.get_help() if exc.ctx else exc.message)
            sys.exit(2)
        except _click.exceptions.UsageError as exc:
            fail(usage_line(exc, argv))
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


class NoSuchCommand(_click.exceptions.UsageError):
    def __init__(self, name: str, suggestion: str | None, ctx: Any) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name, self.suggestion = name, suggestion


def fail(message: str) -> NoReturn:
    """A usage error: one line on stderr, exit 2."""
    print(f"thidua: {message}", file=sys.stderr)
    sys.exit(2)


def _param_name(param: Any) -> str:
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        return metavar(param)
    return max(param.opts, key=len)


def command_of(argv: Sequence[str]) -> str:
    """``thidua rank`` (or ``thidua sheet export``): the command argv runs, as far as it is known."""
    from thidua.cli.app import app

    group: Any = typer.main.get_command(app)
    words = ["thidua"]
    for arg in argv:
        commands = getattr(group, "commands", None)
        if commands is None or arg.startswith("-"):
            continue
        if arg not in commands:
            continue
        words.append(arg)
        group = commands[arg]
    return " ".join(words)


def usage_line(exc: Any, argv: Sequence[str] = ()) -> str:
    """A click usage error in one line, in the current language, with where to look for help."""
    import re

    from thidua.domain.suggest import closest
    from thidua.output.i18n import t

    ctx = exc.ctx
    exceptions = _click.exceptions
    if isinstance(exc, NoSuchCommand):
        suggestion = t("cli.suggest", option=f"'{exc.suggestion}'") if exc.suggestion else ""
        text = t("cli.no_such_command", command=exc.name, suggestion=suggestion)
    elif isinstance(exc, exceptions.NoSuchOption):
        names = [o for p in ctx.command.get_params(ctx) for o in (*p.opts, *p.secondary_opts) if o.startswith("-")] if ctx else []
        close = closest(exc.option_name, names) if names else None
        text = t("cli.no_such_option", option=exc.option_name, suggestion=t("cli.suggest", option=close) if close else "")
    elif isinstance(exc, exceptions.MissingParameter):
        param = exc.param
        key = "cli.missing_argument" if getattr(param, "param_type_name", "") == "argument" else "cli.missing_option"
        text = t(key, name=_param_name(param))
    elif isinstance(exc, exceptions.BadParameter):
        param = exc.param
        errors = getattr(exc.__cause__, "errors", None)
        given = errors()[0].get("input") if callable(errors) and errors() else None
        found = re.match(r"^'?(.*?)'? is not", exc.message)
        value = f"'{given}'" if given is not None else f"'{found.group(1)}'" if found else exc.message
        extra = ""
        choices = _choices(param) if param is not None else []
        if choices:
            extra = t("cli.choose", choices=", ".join(choices))
        elif param is not None and _span(param):
            extra = t("cli.expects", expected=_span(param))
        elif "integer" in exc.message:
            extra = t("cli.expects", expected=t("cli.integer"))
        elif "float" in exc.message or "number" in exc.message:
            extra = t("cli.expects", expected=t("cli.number"))
        text = t("cli.bad_value", name=_param_name(param) or (exc.param_hint or ""), value=value) + extra
    elif isinstance(exc, exceptions.BadOptionUsage) and "requires an argument" in exc.message:
        text = t("cli.needs_value", name=exc.option_name)
    elif "unexpected extra argument" in exc.message:
        found = re.search(r"\(([^()]*)\)$", exc.message)
        text = t("cli.extra_argument", args=found.group(1) if found else "")
    else:
        text = exc.message.rstrip(".")
    where = ctx.command_path if ctx is not None else command_of(argv)
    return f"{text} {t('cli.see', command=where)}"


def build_app(**kwargs: Any) -> typer.Typer:
    """A Typer whose groups and commands are the frame's (``-h`` too)."""
    return typer.Typer(cls=ThiduaGroup, context_settings={"help_option_names": ["-h", "--help"]}, **kwargs)
