print("socai-generate: not yet implemented")
