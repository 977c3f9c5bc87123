"""The command palette provider: every action of the current screen, by name."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from factcheck.tui.screens.base import ClaimActionsScreen, PaletteCommand


class DeskCommands(Provider):
    """Claim actions, filters and sort orders of the screen the palette was opened on."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen
        if isinstance(screen, ClaimActionsScreen):
            return list(screen.palette_commands())
        return []

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
