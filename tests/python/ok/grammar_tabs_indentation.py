# indented with tabs only
class Config:
	debug = False

	def url(self):
		if self.debug:
			return "sqlite://"
		else:
			return "postgresql://localhost/app"


def helper(items):
	for item in items:
		if item:
			continue
	return [
		1,
			2,
	]
