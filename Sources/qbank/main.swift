print("qbank")
