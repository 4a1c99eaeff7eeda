import revision
