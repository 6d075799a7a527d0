"""Screens of the visits feature: 工作台, assessment dialog and tab, visit form and tab, screening rounds."""
