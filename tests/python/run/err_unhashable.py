indexes = {}
cols = ["user_id", "created_at"]
indexes[cols] = "ix_posts"
