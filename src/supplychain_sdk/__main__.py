"""``python -m supplychain_sdk``: the ``supplychain`` command."""

from supplychain_sdk.cli import main

if __name__ == "__main__":
    main()
