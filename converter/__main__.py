from converter.entry import main

if __name__ == "__main__":       # not when a spawned worker process (Dask's) imports the main module again
    main()
