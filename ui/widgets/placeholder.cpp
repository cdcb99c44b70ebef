// The UI library starts here; widgets arrive with the forms issue.
