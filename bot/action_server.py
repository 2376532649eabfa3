"""The action server: rasa_sdk's own app and arguments, with room for bursts.

`python -m rasa_sdk` listens with Sanic's default backlog of 100 pending connections.
Rasa opens a new connection for every action call, so when a few hundred conversations
arrive at once over several replicas, connections beyond the backlog are reset and Rasa
reports "Can not write request body" (measured with tests/scale at 200 conversations).
This entry point is the same server with a larger backlog (`--backlog`, default 1024).

Sanic also closes a new connection whose request it has not started reading within its
keep-alive timeout (5 s): when a burst queues work on the action server's one event loop,
requests already sent are dropped ("Cannot write to closing transport"). Rasa waits up to
300 s for an action, so the server gives a request as long.

Usage: python -m bot.action_server --actions actions --port 5055
"""

from __future__ import annotations

import logging
import os
from typing import List, Optional

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser
from rasa_sdk.plugin import plugin_manager

DEFAULT_BACKLOG = 1024
#: Seconds Rasa waits for an action (rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT).
RASA_ACTION_TIMEOUT = 300


def main(argv: Optional[List[str]] = None) -> None:
    parser = create_argument_parser()
    parser.add_argument("--backlog", type=int, default=DEFAULT_BACKLOG, help="pending connections to queue")
    args = parser.parse_args(argv)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel, args.logging_config_file
    )
    utils.update_sanic_log_level()
    app = create_app(args.actions, cors_origins=args.cors, auto_reload=args.auto_reload)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    app.config.KEEP_ALIVE_TIMEOUT = max(app.config.KEEP_ALIVE_TIMEOUT, RASA_ACTION_TIMEOUT)
    app.config.REQUEST_TIMEOUT = max(app.config.REQUEST_TIMEOUT, RASA_ACTION_TIMEOUT)
    app.config.RESPONSE_TIMEOUT = max(app.config.RESPONSE_TIMEOUT, RASA_ACTION_TIMEOUT)
    host = os.environ.get("SANIC_HOST", "0.0.0.0")
    logging.getLogger(__name__).info("Action server on %s:%s (backlog %s)", host, args.port, args.backlog)
    app.run(host, args.port, workers=utils.number_of_sanic_workers(), backlog=args.backlog)


if __name__ == "__main__":
    main()
