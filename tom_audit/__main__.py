from tom_audit.cli.main import main

raise SystemExit(main())
