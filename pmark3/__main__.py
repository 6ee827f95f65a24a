from pmark3.cli import main

raise SystemExit(main())
