#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# 주석: 파일 맨 위 주석
"""Module docstring after comments."""  # trailing comment

# comment before import
import os  # comment after import

# comment before def


def f(  # comment after open paren
    a,  # comment after first param
    # comment on its own line inside params
    b=1,  # comment after default
):  # comment after colon
    # comment at start of body
    x = [  # comment after bracket
        1,  # one
        # between items
        2,
    ]  # after close
    return x  # comment after return
    # comment at end of body (dedent follows)


# comment between top-level statements
class C:  # class comment
    # comment before attribute
    a = 1
        # over-indented comment
# under-indented comment inside class body
    b = 2


d = {  # dict comment
    "k": "v",  # entry comment
}  # close comment
if d:  # if comment
    pass
# comment before else
else:  # else comment
    pass
#no space after hash
#
# final comment
