"""The registry of ``union-kg`` subcommands.

A module adds a subcommand by decorating its ``add_arguments`` function with
:func:`command`; :mod:`graph.cli` imports those modules and builds the parser
from :data:`COMMANDS`.  The registry is a module of its own so that the
subcommand modules never import the module that imports them.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable

Command = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
#: Subcommand name -> (help text, ``add_arguments``); ``add_arguments(parser)`` returns ``run(args) -> int``.
COMMANDS: dict[str, tuple[str, Command]] = {}


def command(name: str, help: str):
    """Register a subcommand: decorate ``add_arguments``; it returns the ``run`` function.

    Parameters
    ----------
    name : str
        The subcommand, as typed after ``union-kg``.
    help : str
        One line for ``union-kg --help``.

    Returns
    -------
    callable
        The decorator; it returns ``add_arguments`` unchanged.
    """
    def deco(add_arguments: Callable[[argparse.ArgumentParser], Callable[[argparse.Namespace], int]]):
        COMMANDS[name] = (help, add_arguments)
        return add_arguments
    return deco


__all__ = ["COMMANDS", "Command", "command"]
