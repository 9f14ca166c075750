import BundledCourse
print(BundledCourse.files.map(\.name))
