"""Printing in the app: the preview dialog, the option dialogs and the actions behind the 打印
menu and the child's file (see `actions` for the helpers other screens call)."""
