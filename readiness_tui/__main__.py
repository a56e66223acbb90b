from readiness_tui.cli import main

main()
