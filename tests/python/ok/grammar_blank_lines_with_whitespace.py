def spaced():
    a = 1
    
        
	
    b = 2
  

    return a + b   

   
class K:   
    x = 1	

 
    y = 2
