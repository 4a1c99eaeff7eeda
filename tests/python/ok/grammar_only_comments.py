# only comments

# and blank lines
   
# nothing else
