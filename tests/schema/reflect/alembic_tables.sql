CREATE TABLE team (
	id INTEGER NOT NULL, 
	name VARCHAR(30), 
	PRIMARY KEY (id)
);
CREATE TABLE user (
	id INTEGER NOT NULL, 
	email VARCHAR(100) NOT NULL, 
	full_name VARCHAR(100), 
	team_id INTEGER, 
	age INTEGER DEFAULT '1', 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_user_full_name UNIQUE (full_name), 
	CONSTRAINT ck_user_age CHECK (age >= 0), 
	FOREIGN KEY(team_id) REFERENCES team (id)
);
CREATE UNIQUE INDEX ix_user_email ON user (email);
CREATE INDEX ix_user_team_age ON user (team_id, age);
CREATE TABLE membership (
	user_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	role VARCHAR(6) DEFAULT 'member' NOT NULL, 
	CONSTRAINT pk_membership PRIMARY KEY (user_id, team_id), 
	CONSTRAINT fk_membership_user FOREIGN KEY(user_id) REFERENCES user (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES team (id) ON UPDATE SET NULL
);
