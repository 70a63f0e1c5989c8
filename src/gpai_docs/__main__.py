from gpai_docs.cli import main

main()
