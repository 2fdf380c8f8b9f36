"""``pressrelease preview``: a local server showing releases as they will look, reloaded on save."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .parameters import ConfigOption, IsolatedOption, LightCommand
from .root import app, console, escape, existing_paths, fail


@app.command("preview", cls=LightCommand)
def preview_command(
    paths: Annotated[list[Path], typer.Argument(help="A release file, or folders of releases.")],
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one).", show_default=False),
    ] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Serve releases on 127.0.0.1 as HTML pages with their lint findings; reload on every save."""
    import threading

    from ..preview import Previewer, server

    existing_paths(paths)
    if any(str(path) == "-" for path in paths):
        fail("preview: give a file or folders, not standard input")
    previewer = Previewer(tuple(p.resolve() for p in paths), config, isolated)
    try:
        httpd = server(previewer, port)
    except OSError as error:
        fail(f"--port {port}: cannot listen on 127.0.0.1 ({error.strerror or error})")
    address = f"http://127.0.0.1:{httpd.server_address[1]}/"
    watcher = threading.Thread(target=previewer.watch, name="watch", daemon=True)
    watcher.start()
    console(stderr=True).print(f"previewing on {escape(address)} (Ctrl-C to stop)", highlight=False, soft_wrap=True)
    if open_browser:
        import webbrowser

        webbrowser.open(address)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        console(stderr=True).print("stopped", highlight=False)
    finally:
        previewer.stop.set()
        previewer.notify()
        httpd.server_close()
