from tracker.process import run_cli

run_cli()
