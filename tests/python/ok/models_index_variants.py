from sqlalchemy import Column, Index, Integer, String, func, text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Article(Base):
    __tablename__ = "article"

    id = Column(Integer, primary_key=True)
    title = Column(String(200), index=True)
    slug = Column(String(200), unique=True, index=True)
    author = Column(String(100))
    lang = Column(String(5), default="ko")
    body = Column(String)


Index("ix_article_author_lang", Article.author, Article.lang)
Index("ix_article_lower_title", func.lower(Article.title))
Index("uq_article_slug_lang", Article.slug, Article.lang, unique=True)
Index("ix_article_published", Article.id, sqlite_where=text("lang = 'ko'"))
