from ...core.settings import API_PREFIX
from ..deps import get_db
from ...core import settings

PREFIX = API_PREFIX + "/v1"
