"""What the app's Script Reports share: the task counts they aggregate in SQL and the filters they read."""
